"""Chip-mix edits keep shares summing to 1 and respect locks."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.mix import add_chip, remove_chip, set_share

MIX = {"GB200": 0.5, "GB300": 0.3, "H100": 0.2}


def test_moving_one_rescales_the_others_in_proportion():
    out = set_share(MIX, "GB200", 0.8)
    assert out["GB200"] == pytest.approx(0.8)
    assert out["GB300"] == pytest.approx(0.2 * 0.3 / 0.5) and out["H100"] == pytest.approx(0.2 * 0.2 / 0.5)


def test_a_locked_chip_keeps_its_share_and_caps_the_others():
    out = set_share(MIX, "GB200", 0.95, locked={"H100"})
    assert out["H100"] == pytest.approx(0.2)
    assert out["GB200"] == pytest.approx(0.8) and out["GB300"] == pytest.approx(0.0)


def test_with_every_other_chip_locked_nothing_moves():
    assert set_share(MIX, "GB200", 0.9, locked={"GB300", "H100"}) == pytest.approx(MIX)


def test_zero_others_share_the_remainder_equally():
    out = set_share({"A": 1.0, "B": 0.0, "C": 0.0}, "A", 0.4)
    assert out == pytest.approx({"A": 0.4, "B": 0.3, "C": 0.3})


def test_add_and_remove():
    added = add_chip({"A": 1.0}, "B")
    assert added == pytest.approx({"A": 0.5, "B": 0.5})
    assert remove_chip(MIX, "GB200") == pytest.approx({"GB300": 0.6, "H100": 0.4})
    with pytest.raises(ValueError):
        remove_chip({"A": 1.0}, "A")


@given(st.dictionaries(st.sampled_from("ABCDEFG"), st.floats(0.0, 1.0), min_size=2),
       st.floats(-1.0, 2.0), st.sets(st.sampled_from("ABCDEFG")))
def test_shares_always_sum_to_one_and_stay_in_range(raw, share, locked):
    total = sum(raw.values())
    mix = {c: (s / total if total > 0 else 1 / len(raw)) for c, s in raw.items()}
    chip = sorted(mix)[0]
    out = set_share(mix, chip, share, locked)
    assert sum(out.values()) == pytest.approx(1.0)
    assert all(0.0 <= s <= 1.0 + 1e-12 for s in out.values())
    for c in locked & set(mix) - {chip}:
        if any(o not in locked for o in mix if o != chip):
            assert out[c] == pytest.approx(mix[c], abs=1e-12)
