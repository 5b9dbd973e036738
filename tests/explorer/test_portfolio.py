"""Portfolios (explorer.portfolio): the total is the sum of the members, the concentration figures are
the ones worked out by hand, the cache evaluates only what changed, bad files say which member and
which key, and the shipped portfolio gives the figures its presets give."""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer import portfolio as pf
from explorer.catalog import builtin_catalog, load_catalog
from explorer.cli import HEADLESS_COMMANDS
from explorer.errors import OutputError, ScenarioError
from explorer.fields import FIELDS
from explorer.model import evaluate
from explorer.months import month_index, month_text
from explorer.portfolio import (CHIP_FAMILIES, PROVIDERS, Member, Portfolio, PortfolioCache, evaluate_portfolio,
                                list_portfolios, load_portfolio, portfolio_summary, resolve_portfolio, save_portfolio)
from explorer.presets import list_presets, load_preset
from explorer.scenario import Scenario
from explorer.scenario_file import save_scenario
from support.cli import run_cli as _run

DEALS = {"openai-aws-deal": "AWS", "openai-oracle": "Oracle", "openai-microsoft": "Microsoft",
         "openai-coreweave": "CoreWeave", "openai-nvidia": "NVIDIA", "openai-amd": "AMD",
         "openai-broadcom": "Broadcom"}
LOIS = ("NVIDIA", "AMD", "Broadcom")


@lru_cache(maxsize=None)
def _preset(key: str) -> Scenario:
    return load_preset(key)


def _write(path, data):
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------ the sum of the parts
def _by_month(members):
    """The members evaluated one by one and added month by month, in plain Python (the reference)."""
    sums = {name: defaultdict(float) for name in ("gpus", "facility_mw", "facility_avg_mw", "cost")}
    total_cost = 0.0
    for m in members:
        p = evaluate(m.scenario)
        first = month_index(m.scenario.start)
        for name, values in (("gpus", p.gpus[0]), ("facility_mw", p.facility_mw[0]),
                             ("facility_avg_mw", p.facility_avg_mw[0]), ("cost", p.cost_total[0])):
            for i, v in enumerate(values):
                sums[name][first + i] += float(v)
        total_cost += float(p.kpis["cost_total_usd"][0])
    return sums, total_cost


@st.composite
def portfolios(draw):
    keys = [p.key for p in list_presets()]
    n = draw(st.integers(1, 5))
    members = []
    for i in range(n):
        s = _preset(draw(st.sampled_from(keys)))
        shift = draw(st.integers(-18, 18))
        extra = draw(st.integers(0, 24))
        scale = draw(st.floats(0.25, 3.0))
        changes = {"start": month_text(month_index(s.start) + shift),
                   "ramp_end": month_text(month_index(s.ramp_end) + shift),
                   "term_months": min(s.term_months + extra, int(FIELDS["term_months"].hi))}
        if s.sized_by_power:
            changes["facility_power_mw"] = s.facility_power_mw * scale
        else:
            changes["gpu_count"] = max(int(s.gpu_count * scale), 1)
        members.append(Member(f"m{i}", draw(st.sampled_from(list(PROVIDERS))), draw(st.booleans()), "scenario", "",
                              s.replace(**changes)))
    return Portfolio(name="random", members=tuple(members))


@settings(max_examples=15, deadline=None)
@given(portfolios())
def test_the_total_is_the_sum_of_the_members_evaluated_one_by_one(portfolio):
    projection = evaluate_portfolio(portfolio, builtin_catalog(), PortfolioCache())
    enabled = portfolio.enabled_members
    assert projection.labels == tuple(m.label for m in enabled)
    sums, total_cost = _by_month(enabled)
    months = [int(i) for i in projection.month_indices]
    if enabled:
        assert months[0] == min(month_index(m.scenario.start) for m in enabled)
        assert months == list(range(months[0], months[0] + len(months)))
        assert set(sums["cost"]) <= set(months)
    for name in ("gpus", "facility_mw", "facility_avg_mw", "cost"):
        assert projection.series(name).shape == (len(enabled), len(months))
        expected = np.array([sums[name].get(i, 0.0) for i in months])
        np.testing.assert_allclose(projection.total(name), expected, rtol=1e-9, atol=1e-6)
    totals = projection.totals
    assert totals["cost_total_usd"] == pytest.approx(total_cost, rel=1e-9)
    assert totals["facility_power_peak_mw"] == pytest.approx(max(sums["facility_mw"].values(), default=0.0), rel=1e-12)
    assert totals["gpus_peak"] == pytest.approx(max(sums["gpus"].values(), default=0.0), rel=1e-12)
    cumulative = projection.total("cost_cumulative")
    assert (cumulative[-1] if cumulative.size else 0.0) == pytest.approx(total_cost, rel=1e-9)
    by_year = defaultdict(float)
    for i, v in sums["cost"].items():
        by_year[i // 12] += v
    years, yearly = projection.yearly_commitments()
    assert dict(zip(years.tolist(), yearly.sum(axis=0).tolist())) == pytest.approx(
        {y: by_year.get(y, 0.0) for y in years.tolist()}, rel=1e-9, abs=1e-3)
    if by_year:
        assert totals["peak_year_cost_usd"] == pytest.approx(max(by_year.values()), rel=1e-9)
    _, fiscal = projection.yearly_commitments(fiscal=True)
    assert fiscal.sum() == pytest.approx(total_cost, rel=1e-9)
    for by in ("provider", "family"):
        for name in pf.SERIES:
            keys, grouped = projection.grouped(name, by)
            assert len(keys) == grouped.shape[0]
            np.testing.assert_allclose(grouped.sum(axis=0), projection.total(name), rtol=1e-9, atol=1e-6)
    c = projection.concentration
    if total_cost > 0:
        assert 0 < c["largest_provider_share"] <= 1 + 1e-12 and 0 < c["hhi"] <= 10_000 + 1e-6
        assert sum(c[f"{f}_share"] for f in CHIP_FAMILIES) == pytest.approx(1.0)


# ---------------------------------------------------------------------------------- concentration
def _member(label, provider, **changes):
    return Member(label, provider, scenario=Scenario().replace(**changes))


def test_two_providers_at_60_and_40_percent_of_cost():
    p = Portfolio(members=(_member("a", "AWS", gpu_count=600), _member("b", "Oracle", gpu_count=400)))
    c = evaluate_portfolio(p).concentration
    assert c["largest_provider"] == "AWS"
    assert c["largest_provider_share"] == pytest.approx(0.6)
    assert c["hhi"] == pytest.approx(5200.0)  # 60² + 40²
    assert c["provider_shares"] == pytest.approx({"AWS": 0.6, "Oracle": 0.4})


@pytest.mark.parametrize("providers, largest, hhi", [
    (("AWS", "AWS"), 1.0, 10_000.0),  # one provider, two deals: fully concentrated
    (("AWS", "Oracle", "Google"), 1 / 3, 10_000 / 3),
    (("AWS", "Oracle", "Google", "Microsoft"), 0.25, 2_500.0),
])
def test_equal_deals_give_the_textbook_hhi(providers, largest, hhi):
    p = Portfolio(members=tuple(_member(f"m{i}", prov, gpu_count=1000) for i, prov in enumerate(providers)))
    c = evaluate_portfolio(p).concentration
    assert c["largest_provider_share"] == pytest.approx(largest)
    assert c["hhi"] == pytest.approx(hhi)


def test_chip_families_by_cost_and_by_accelerators():
    members = (_member("nv", "Microsoft", gpu_count=500, chip_mix={"GB200": 1.0}),
               _member("trn", "AWS", gpu_count=300, chip_mix={"Trainium3": 1.0}),
               _member("amd", "Oracle", gpu_count=200, chip_mix={"MI355X": 1.0}))
    c = evaluate_portfolio(Portfolio(members=members)).concentration
    costs = [float(evaluate(m.scenario).kpis["cost_total_usd"][0]) for m in members]
    assert c["nvidia_share"] == pytest.approx(costs[0] / sum(costs))
    assert c["custom_silicon_share"] == pytest.approx(costs[1] / sum(costs))
    assert c["other_merchant_share"] == pytest.approx(costs[2] / sum(costs))
    accel = c["by_accelerators"]  # all fully installed in the peak month: 500 / 300 / 200
    assert (accel["nvidia_share"], accel["custom_silicon_share"], accel["other_merchant_share"]) == pytest.approx(
        (0.5, 0.3, 0.2))


def test_a_mixed_member_is_split_by_its_chips():
    s = Scenario().replace(chip_mix={"GB300": 0.5, "TPU7x": 0.5})
    c = evaluate_portfolio(Portfolio(members=(Member("mix", "Google", scenario=s),))).concentration
    by_chip = evaluate(s).cost_by_chip[0]
    ids = evaluate(s).chip_ids
    assert c["nvidia_share"] == pytest.approx(by_chip[ids.index("GB300")] / by_chip.sum())
    assert c["custom_silicon_share"] == pytest.approx(by_chip[ids.index("TPU7x")] / by_chip.sum())
    assert c["by_accelerators"]["nvidia_share"] == pytest.approx(0.5)
    assert c["largest_provider_share"] == 1.0 and c["hhi"] == pytest.approx(10_000)


@pytest.mark.parametrize("chip, family", [("H100", "nvidia"), ("VR200", "nvidia"), ("Trainium2", "custom_silicon"),
                                          ("Inferentia2", "custom_silicon"), ("TPUv6e", "custom_silicon"),
                                          ("XPU", "custom_silicon"), ("MI450", "other_merchant")])
def test_chip_families_of_the_catalog(chip, family):
    assert pf.chip_family(builtin_catalog()[chip]) == family


def test_nothing_switched_on_gives_empty_totals():
    p = Portfolio(members=(_member("a", "AWS").replace(enabled=False),))
    projection = evaluate_portfolio(p)
    assert projection.size == 0 and projection.total("cost").shape == (0,)
    assert projection.totals["cost_total_usd"] == 0.0 and projection.totals["peak_year"] is None
    assert projection.concentration["hhi"] is None
    json.dumps(portfolio_summary(p), allow_nan=False)


# ------------------------------------------------------------------------------ toggling and editing
def test_toggling_a_member_off_removes_it_from_the_totals_and_back():
    shipped = resolve_portfolio("openai-2025")
    off = shipped.toggled("AWS")
    assert shipped.member("AWS").enabled and not off.member("AWS").enabled  # a new value; the old one kept
    without = Portfolio(members=tuple(m for m in shipped.members if m.label != "AWS"))
    a, b = evaluate_portfolio(off).totals, evaluate_portfolio(without).totals
    assert a == pytest.approx(b)
    aws = float(evaluate(shipped.member("AWS").scenario).kpis["cost_total_usd"][0])
    assert evaluate_portfolio(shipped).totals["cost_total_usd"] - a["cost_total_usd"] == pytest.approx(aws)
    assert off.toggled("AWS") == shipped and off.toggled("AWS", False) == off


def test_editing_a_member_makes_it_embedded_and_returns_new_values():
    shipped = resolve_portfolio("openai-2025")
    aws = shipped.member("AWS")
    edited = shipped.with_scenario("AWS", aws.scenario.replace(gpu_count=300_000))
    assert shipped.member("AWS").scenario.gpu_count == 200_000  # unchanged
    m = edited.member("AWS")
    assert (m.source_kind, m.reference, m.scenario.gpu_count) == ("scenario", "", 300_000)
    assert shipped.with_scenario("AWS", aws.scenario).member("AWS").source_kind == "preset"  # the same: kept
    assert edited.removed("AWS").labels == tuple(x for x in shipped.labels if x != "AWS")
    assert edited.removed("AWS").added(m, 0) == edited
    with pytest.raises(ScenarioError, match="unique"):
        edited.added(m)
    with pytest.raises(KeyError):
        edited.toggled("nobody")


def test_members_are_checked_when_made():
    with pytest.raises(ScenarioError, match="provider"):
        Member("x", "Amazon")
    with pytest.raises(ScenarioError, match="label"):
        Member("  ", "AWS")
    with pytest.raises(ScenarioError, match="enabled"):
        Member("x", "AWS", enabled="yes")


# --------------------------------------------------------------------------------------- the cache
def test_the_cache_evaluates_only_the_changed_member(monkeypatch):
    calls = []
    real = pf.evaluate

    def counting(scenario, catalog=None):
        calls.append(scenario.name)
        return real(scenario, catalog)

    monkeypatch.setattr(pf, "evaluate", counting)
    catalog = builtin_catalog()
    cache = PortfolioCache()
    shipped = resolve_portfolio("openai-2025")
    first = evaluate_portfolio(shipped, catalog, cache)
    assert len(calls) == 7 and cache.evaluations == 7
    evaluate_portfolio(shipped, catalog, cache)
    assert len(calls) == 7  # nothing changed: nothing evaluated
    aws = shipped.member("AWS").scenario
    moved = shipped.with_scenario("AWS", aws.replace(gpu_count=250_000))
    second = evaluate_portfolio(moved, catalog, cache)
    assert len(calls) == 8 and calls[-1] == aws.name  # the slider's member only
    assert second.totals["gpus_peak"] == pytest.approx(first.totals["gpus_peak"] + 50_000)
    evaluate_portfolio(moved.toggled("Oracle").toggled("NVIDIA"), catalog, cache)
    assert len(calls) == 8  # switching members off and on evaluates nothing
    evaluate_portfolio(moved.with_scenario("AWS", moved.member("AWS").scenario.replace(name="Renamed")),
                       catalog, cache)
    assert len(calls) == 8  # a new name is not a new projection
    evaluate_portfolio(shipped, load_catalog(), cache)  # (the same built-in catalog object)
    assert len(calls) == 8
    other = builtin_catalog().merged(builtin_catalog())  # another catalog: every member again
    evaluate_portfolio(shipped, other, cache)
    assert len(calls) == 15


def test_an_evaluation_made_elsewhere_is_remembered_and_not_made_again(monkeypatch):
    catalog = builtin_catalog()
    scenario = Scenario().replace(gpu_count=123_000)
    fresh = PortfolioCache().member(scenario, catalog)  # evaluated by the cache itself
    projection = pf.evaluate(scenario, catalog)  # as the main window evaluates the member it edits
    batch = pf.evaluate([Scenario(), Scenario().replace(gpu_count=9)], catalog)
    cache = PortfolioCache()
    cache.remember(scenario, catalog, projection)
    monkeypatch.setattr(pf, "evaluate", lambda *a, **k: pytest.fail("evaluated again"))
    result = cache.member(scenario, catalog)
    assert result.projection is projection and cache.evaluations == 0
    assert result.cost_total_usd == fresh.cost_total_usd and np.array_equal(result.cost, fresh.cost)
    assert result.family_weights["power"].tolist() == fresh.family_weights["power"].tolist()
    cache.remember(scenario.replace(name="Renamed"), catalog, pf.Projection(projection.params))  # known: kept
    assert cache.member(scenario, catalog).projection is projection
    with pytest.raises(ValueError, match="one scenario"):
        cache.remember(Scenario(), catalog, batch)


def test_the_cache_keeps_its_limit():
    cache = PortfolioCache(limit=3)
    for n in range(5):
        cache.member(Scenario().replace(gpu_count=1000 + n), builtin_catalog())
    assert len(cache) == 3 and cache.evaluations == 5


# ------------------------------------------------------------------------------------- bad files
def _good(**member):
    return {"schema_version": 1, "name": "p", "members": [{"label": "AWS", "provider": "AWS",
                                                           "preset": "openai-aws-deal"}, member]}


BAD_FILES = [
    (_good(label="Mine", provider="other", file="nope.json"), ["member 'Mine'", "'file'", "nope.json", "no such"]),
    (_good(label="X", provider="AWS", preset="openai-aws"), ["member 'X'", "'preset'", "'openai-aws'",
                                                             "Did you mean 'openai-aws-deal'"]),
    (_good(label="X", provider="Amazon", preset="openai-amd"), ["member 'X'", "'provider'", "'Amazon'", "Providers:"]),
    (_good(label="X", provider="aws", preset="openai-amd"), ["member 'X'", "Did you mean 'AWS'"]),
    (_good(label="X", preset="openai-amd"), ["member 'X'", "'provider' is missing"]),
    (_good(label="X", provider=["AWS"], preset="openai-amd"), ["member 'X'", "'provider'"]),
    (_good(label="AWS", provider="AWS", preset="openai-amd"), ["member 'AWS'", "twice", "unique"]),
    (_good(label="X", provider="AMD", preset="openai-amd", file="a.json"), ["member 'X'", "exactly one", "'preset'",
                                                                            "'file'"]),
    (_good(label="X", provider="AMD"), ["member 'X'", "give one of 'preset'"]),
    (_good(label="X", provider="AMD", preset="openai-amd", enabled="yes"), ["member 'X'", "'enabled'", "true or false"]),
    (_good(label=5, provider="AMD", preset="openai-amd"), ["member 2", "'label'", "text"]),
    (_good(provider="AMD", preset="openai-amd"), ["member 2", "'label' is missing"]),
    (_good(label="X", provider="AMD", preset=7), ["member 'X'", "'preset'"]),
    (_good(label="X", provider="AMD", scenario=[1]), ["member 'X'", "'scenario'", "a list"]),
    (_good(label="X", provider="AMD", scenario={"schema_version": 3, "gpus": 5}),
     ["member 'X'", "'scenario'", "unknown key 'gpus'"]),
    (_good(label="X", provider="AMD", scenario={"gpu_count": 5}), ["member 'X'", "'scenario'", "'schema_version'"]),
    (_good(label="X", provider="AMD", presets="openai-amd"), ["member 'X'", "unknown key 'presets'",
                                                              "Did you mean 'preset'"]),
    ({"schema_version": 1, "member": []}, ["unknown key 'member'", "Did you mean 'members'"]),
    ({"schema_version": 2, "members": []}, ["'schema_version' is 2", "newer version"]),
    ({"schema_version": "1", "members": []}, ["'schema_version'", "whole number"]),
    ({"members": []}, ["'schema_version' is missing"]),
    ({"schema_version": 1, "members": {}}, ["'members'", "list"]),
    ({"schema_version": 1, "members": []}, ["'members' is empty"]),
    ({"schema_version": 1, "name": 3, "members": []}, ["'name'", "text"]),
    ({"schema_version": 1, "sources": "x", "members": []}, ["'sources'", "list"]),
    ({"schema_version": 3, "gpu_count": 5}, ["not a portfolio file", "looks like a scenario file", "'gpu_count'"]),
    ({"schema_version": 1, "members": [], "chip_mix": {}}, ["unknown key 'chip_mix'"]),
    ({"schema_version": 1}, ["'members' is missing"]),
    ([1, 2], ["one JSON object"]),
]


@pytest.mark.parametrize("data, words", BAD_FILES, ids=[w[0] + (f" {w[1]}" if len(w) > 1 else "")
                                                       for _, w in BAD_FILES])
def test_a_bad_portfolio_file_names_the_member_and_the_key(tmp_path, data, words):
    path = _write(tmp_path / "p.json", data)
    with pytest.raises(ScenarioError) as info:
        load_portfolio(path)
    message = str(info.value)
    assert message.startswith("p.json: "), message
    for word in words:
        assert word in message, (word, message)


def test_a_bad_member_file_is_named_with_its_member(tmp_path):
    (tmp_path / "mine.json").write_text('{"schema_version": 3, "gpu_count": -4}', encoding="utf-8")
    _write(tmp_path / "p.json", _good(label="Mine", provider="own build", file="mine.json"))
    with pytest.raises(ScenarioError, match=r"^p\.json: member 'Mine': mine\.json: 'gpu_count'"):
        load_portfolio(tmp_path / "p.json")
    (tmp_path / "mine.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"^p\.json: member 'Mine': mine\.json: not valid JSON"):
        load_portfolio(tmp_path / "p.json")
    save_scenario(Scenario().replace(chip_mix={"H100": 1.0}), tmp_path / "mine.json")
    custom = load_catalog()
    assert load_portfolio(tmp_path / "p.json", custom).member("Mine").scenario.chip_mix == {"H100": 1.0}


def test_a_chip_the_catalog_lacks_names_the_member():
    p = Portfolio(members=(Member("odd", "other", scenario=Scenario().replace(chip_mix={"H100": 1.0})),))
    only_tpu = builtin_catalog().only(["TPU7x"])
    with pytest.raises(ScenarioError, match=r"^member 'odd': 'chip_mix': unknown chip id 'H100'"):
        evaluate_portfolio(p, only_tpu)


def test_not_json_and_not_a_file(tmp_path):
    (tmp_path / "p.json").write_text("{", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"^p\.json: not valid JSON"):
        load_portfolio(tmp_path / "p.json")
    with pytest.raises(ScenarioError, match="no such file"):
        load_portfolio(tmp_path / "missing.json")
    with pytest.raises(ScenarioError, match="folder"):
        load_portfolio(tmp_path)
    with pytest.raises(ScenarioError, match="no such portfolio file or shipped portfolio.*Did you mean 'openai-2025'"):
        resolve_portfolio("openai-2026")


def test_a_cycle_is_refused_naming_the_member(tmp_path):
    _write(tmp_path / "p.json", _good(label="Me again", provider="other", file="p.json"))
    with pytest.raises(ScenarioError, match=r"^p\.json: member 'Me again': 'file' = 'p\.json' is this portfolio "
                                            r"itself.*cycle"):
        load_portfolio(tmp_path / "p.json")
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub" / "q.json", _good(label="Back", provider="other", file="../p.json"))
    _write(tmp_path / "p.json", _good(label="Sub", provider="other", file="sub/q.json"))
    with pytest.raises(ScenarioError, match=r"^p\.json: member 'Sub': 'file' = 'sub/q\.json' is a portfolio that "
                                            r"refers back to this one \(a cycle\)"):
        load_portfolio(tmp_path / "p.json")
    _write(tmp_path / "sub" / "q.json", _good(label="Fine", provider="other", preset="openai-amd"))
    with pytest.raises(ScenarioError, match=r"^p\.json: member 'Sub': .*is a portfolio, not a scenario"):
        load_portfolio(tmp_path / "p.json")


# ---------------------------------------------------------------------------------- saving
def test_saving_round_trips_every_kind_of_member(tmp_path):
    (tmp_path / "deals").mkdir()
    save_scenario(Scenario().replace(name="Mine", gpu_count=1234), tmp_path / "deals" / "mine.json")
    _write(tmp_path / "deals" / "p.json", {
        "schema_version": 1, "name": "Mixed", "notes": "two\nlines", "sources": ["a", "b"],
        "members": [{"label": "AWS", "provider": "AWS", "preset": "openai-aws-deal"},
                    {"label": "Mine", "provider": "own build", "enabled": False, "file": "mine.json"},
                    {"label": "Inline", "provider": "other",
                     "scenario": Scenario().replace(name="Inline", gpu_count=99).to_dict()}]})
    loaded = load_portfolio(tmp_path / "deals" / "p.json")
    assert [(m.source_kind, m.reference, m.enabled) for m in loaded.members] == [
        ("preset", "openai-aws-deal", True), ("file", "mine.json", False), ("scenario", "", True)]
    same = save_portfolio(loaded, tmp_path / "deals" / "again.json")
    assert load_portfolio(tmp_path / "deals" / "again.json") == loaded == same
    elsewhere = save_portfolio(loaded, tmp_path / "moved.json")  # another folder: the path follows
    assert elsewhere.member("Mine").reference == "deals/mine.json"
    reloaded = load_portfolio(tmp_path / "moved.json")
    assert reloaded == elsewhere and reloaded.member("Mine").scenario.gpu_count == 1234
    assert [(m.label, m.scenario) for m in reloaded.members] == [(m.label, m.scenario) for m in loaded.members]
    text = (tmp_path / "moved.json").read_text(encoding="utf-8")
    assert '"sources": [\n    "a",\n    "b"\n  ]' in text  # texts stay one per line; ranges pairs on one line
    assert '"pue": [' in text and not [n for n in (tmp_path).iterdir() if n.name.endswith(".tmp")]
    with pytest.raises(OutputError, match="does not exist"):
        save_portfolio(loaded, tmp_path / "no" / "p.json")


def test_is_portfolio_file_tells_a_portfolio_from_a_scenario(tmp_path):
    save_scenario(Scenario(), tmp_path / "s.json")
    assert pf.is_portfolio_file(list_portfolios()[0].path)
    assert not pf.is_portfolio_file(tmp_path / "s.json") and not pf.is_portfolio_file(tmp_path / "none.json")


def test_a_commands_file_names_a_portfolio_by_its_content_then_a_preset_before_a_shipped_portfolio(
        tmp_path, monkeypatch):
    save_scenario(Scenario(), tmp_path / "s.json")
    (tmp_path / "p.json").write_text(json.dumps({"schema_version": 1, "members": [
        {"label": "A", "provider": "AWS", "preset": "openai-aws-deal"}]}), encoding="utf-8")
    assert pf.names_portfolio(str(tmp_path / "p.json")) and not pf.names_portfolio(str(tmp_path / "s.json"))
    assert pf.names_portfolio("openai-2025") and pf.names_portfolio("openai-2025.json")
    assert not pf.names_portfolio("openai-aws-deal") and not pf.names_portfolio("no-such-name")
    # no shipped name is both, so the rule never has to choose for the app's own files...
    assert not {p.key for p in list_portfolios()} & {p.key for p in list_presets()}
    # ... and if one ever were, the preset would win (what the name meant before portfolios)
    monkeypatch.setattr(pf, "find_portfolio", lambda key: list_portfolios()[0] if key == "openai-aws-deal" else None)
    assert not pf.names_portfolio("openai-aws-deal")
    # a file beats both: in the folder, 'openai-2025' is that file, a scenario here
    monkeypatch.chdir(tmp_path)
    save_scenario(Scenario(), tmp_path / "openai-2025")
    assert not pf.names_portfolio("openai-2025")


# ------------------------------------------------------------------------------ the shipped portfolio
def test_the_shipped_portfolio_is_the_deal_library():
    shipped = {p.key: p for p in list_portfolios()}
    assert "openai-2025" in shipped and shipped["openai-2025"].title == "OpenAI compute commitments (announced, 2025)"
    portfolio = shipped["openai-2025"].load(builtin_catalog())
    assert {m.reference: m.provider for m in portfolio.members} == DEALS
    assert all(m.source_kind == "preset" and m.enabled for m in portfolio.members)
    sources = " ".join(portfolio.sources)
    for key in DEALS:
        assert f"preset {key}" in sources
    for word in ("letter of intent", "not binding", "reported totals", "switched on by default"):
        assert word in portfolio.notes


def test_the_shipped_portfolio_evaluates_to_its_presets_figures():
    portfolio = resolve_portfolio("openai-2025")
    t, c = evaluate_portfolio(portfolio).totals, evaluate_portfolio(portfolio).concentration
    # Every member at full deployment from Dec 2029 (the LOIs' ramp end) to Mar 2030 (CoreWeave's end):
    # 0.606 + 4.5 + 2.916 + 0.437 + 10 + 6 + 10 GW.
    assert t["facility_power_peak_mw"] / 1e3 == pytest.approx(34.46, abs=0.01)
    assert t["facility_power_peak_month"] == "2029-12" and t["gpus_peak_month"] == "2029-12"
    assert t["gpus_peak"] == pytest.approx(13.47e6, rel=1e-3)
    assert t["cost_total_usd"] == pytest.approx(1.223e12, rel=1e-3)
    assert t["contract_value_usd"] == pytest.approx(38e9 + 300e9 + 250e9 + 22.4e9) and t["contract_members"] == 4
    assert (t["peak_year"], t["peak_year_cost_usd"]) == (2030, pytest.approx(264.0e9, rel=1e-3))
    assert (t["first_month"], t["last_month"]) == ("2025-04", "2032-12")
    assert c["largest_provider"] == "NVIDIA" and c["largest_provider_share"] == pytest.approx(0.320, abs=1e-3)
    assert c["hhi"] == pytest.approx(2080, abs=1)
    assert (c["nvidia_share"], c["custom_silicon_share"], c["other_merchant_share"]) == pytest.approx(
        (0.763, 0.134, 0.103), abs=1e-3)
    # Without the letters of intent: the contracted part, all on NVIDIA chips.
    contracted = portfolio
    for label in LOIS:
        contracted = contracted.toggled(label)
    t, c = evaluate_portfolio(contracted).totals, evaluate_portfolio(contracted).concentration
    assert t["facility_power_peak_mw"] / 1e3 == pytest.approx(8.46, abs=0.01)
    assert t["cost_total_usd"] == pytest.approx(542.4e9, rel=1e-3) == t["cost_total_of_contracted_usd"]
    assert c["nvidia_share"] == pytest.approx(1.0) and c["largest_provider"] == "Microsoft"


# -------------------------------------------------------------------------------- the command line
def test_the_command_line_prints_the_table():
    assert "portfolio" in HEADLESS_COMMANDS
    code, out, err = _run("portfolio", "openai-2025")
    assert code == 0, err
    assert out.startswith("OpenAI compute commitments (announced, 2025)\n")
    for text in ("Broadcom", "Total commitments", "USD 1.22T", "34.5 GW in Dec 2029", "Herfindahl–Hirschman index",
                 "2,080", "NVIDIA: 32.0%", "76.3% of cost", "Yearly commitments (USD per calendar year)", "2030"):
        assert text in out, text
    code, out, _ = _run("portfolio", "openai-2025", "--currency", "JPY")
    assert code == 0 and "JPY" in out and "Yen at" in out


def test_the_command_line_prints_json():
    code, out, err = _run("portfolio", "openai-2025", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert {"name", "members", "totals", "yearly_commitments_usd", "concentration"} <= set(data)
    assert set(data["members"][0]) >= {"label", "provider", "enabled", "total_cost_usd", "contract_value_usd",
                                       "gpus_peak", "facility_power_peak_mw", "start", "term_months"}
    assert set(data["concentration"]) >= {"largest_provider", "largest_provider_share", "hhi", "nvidia_share",
                                          "custom_silicon_share", "other_merchant_share"}
    assert data["yearly_commitments_usd"]["2030"]["NVIDIA"] > 0 and "Oracle" in data["yearly_commitments_usd"]["2025"]
    assert sum(sum(y.values()) for y in data["yearly_commitments_usd"].values()) == pytest.approx(
        data["totals"]["cost_total_usd"])
    assert sum(m["total_cost_usd"] for m in data["members"]) == pytest.approx(data["totals"]["cost_total_usd"])


def test_the_command_line_reads_a_file_and_shows_switched_off_members(tmp_path):
    path = _write(tmp_path / "p.json", {"schema_version": 1, "name": "Two", "members": [
        {"label": "AWS", "provider": "AWS", "preset": "openai-aws-deal"},
        {"label": "AMD", "provider": "AMD", "enabled": False, "preset": "openai-amd"}]})
    code, out, err = _run("portfolio", str(path), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert [m["enabled"] for m in data["members"]] == [True, False] and data["members"][1]["total_cost_usd"] > 0
    assert data["concentration"]["largest_provider_share"] == 1.0 and data["totals"]["members_enabled"] == 1
    code, out, _ = _run("portfolio", str(path))
    assert code == 0 and "off" in out


def test_the_command_line_refuses_a_bad_file_with_exit_2(tmp_path):
    path = _write(tmp_path / "p.json", _good(label="Mine", provider="Amazon", preset="openai-amd"))
    code, out, err = _run("portfolio", str(path))
    assert code == 2 and out == ""
    assert "error:" in err and "p.json: member 'Mine': 'provider'" in err and "Traceback" not in err
    code, _, err = _run("portfolio", "no-such-portfolio")
    assert code == 2 and "error:" in err
