"""The model against public figures (tests/support/reference_points.py), and docs/model.md showing
each of them with the model's figure as the model computes it today."""

from pathlib import Path

import pytest

from support.calibration_points import CALIBRATION, REFERENCE_ONLY, model_tokens_per_second
from support.reference_points import POINTS, markdown_rows

DOC = (Path(__file__).resolve().parents[2] / "docs" / "model.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("point", [p for p in POINTS if p.checked], ids=lambda p: p.id)
def test_the_model_lands_within_each_reference_points_tolerance(point):
    assert abs(point.delta()) <= point.tolerance, (point.id, point.model_value(), point.public, point.source)


def test_points_the_model_misses_say_why():
    for point in POINTS:
        if not point.checked:
            assert point.note, point.id


def test_the_model_doc_shows_every_reference_point_with_todays_figure():
    missing = [row for row in markdown_rows() if row not in DOC]
    assert missing == [], "docs/model.md is out of date; the rows as computed today:\n" + "\n".join(missing)


def serving_row(point) -> str:
    model = model_tokens_per_second(point)
    return f"| {point.id} | {point.chip} | {point.model} | {point.precision.upper()} | " \
           f"{point.input_tokens:,}/{point.output_tokens:,} | " \
           f"{'offline' if point.tokens_per_user is None else f'{point.tokens_per_user:g}'} | " \
           f"{point.measured:,.0f} | {model:,.0f} | {model / point.measured - 1:+.0%} |"


def test_the_model_doc_shows_every_serving_calibration_point_with_todays_figure():
    missing = [serving_row(p) for p in CALIBRATION + REFERENCE_ONLY if serving_row(p) not in DOC]
    assert missing == [], "docs/model.md is out of date; the rows as computed today:\n" + "\n".join(missing)
