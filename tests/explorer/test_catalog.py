"""The chip catalog: the shipped rows, and clear errors for a user's broken catalog file."""

import pytest

from explorer.catalog import COLUMNS, builtin_catalog, load_catalog
from explorer.errors import CatalogError
from explorer.model import evaluate
from explorer.scenario import Scenario

REQUIRED_IDS = ("H100", "H200", "B200", "GB200", "GB300", "MI300X", "MI355X", "Trainium2", "Trainium3",
                "Inferentia2", "TPUv5p", "TPUv6e", "TPU7x")
CAT = builtin_catalog()


def test_builtin_catalog_has_every_required_chip_with_sources():
    for cid in REQUIRED_IDS:
        chip = CAT[cid]
        assert chip.bf16_tflops > 0 and chip.tdp_w > 0 and chip.system_w_per_accel >= chip.tdp_w
        assert chip.rent_usd_per_gpu_hour > 0 and chip.purchase_usd > 0
        assert chip.source and chip.power_source and chip.price_source and chip.as_of
        for col in filter(None, chip.estimated.split(";")):
            assert col in COLUMNS, f"{cid}: estimated column {col!r} is not a column"


def test_public_figures_match_the_reference_data():
    assert CAT["H100"].bf16_tflops == 989 and CAT["H100"].fp8_tflops == 1979 and CAT["H100"].fp4_tflops is None
    assert CAT["GB200"].fp4_tflops == 10_000 and CAT["GB300"].fp4_tflops == 15_000
    assert CAT["B200"].tdp_w == 1000 and CAT["GB200"].hbm_gb == 186
    assert CAT["TPU7x"].bf16_tflops == 2307


def test_unpublished_tdps_are_marked_as_estimates():
    for cid in ("Trainium2", "Trainium3", "Inferentia2", "TPUv5p", "TPUv6e", "TPU7x"):
        assert CAT[cid].is_estimated("tdp_w"), cid


def _user(tmp_path, text):
    path = tmp_path / "mine.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_catalog_overrides_cells_and_adds_chips(tmp_path):
    path = _user(tmp_path, "id,rent_usd_per_gpu_hour,name,bf16_tflops,tdp_w,system_w_per_accel,purchase_usd\n"
                           "H100,1.00,,,,,\n"
                           "X1,2.5,Example X1,1000,800,1200,30000\n")
    cat = load_catalog(path)
    assert cat["H100"].rent_usd_per_gpu_hour == 1.0
    assert cat["H100"].bf16_tflops == 989  # untouched cells keep the built-in value
    assert cat["X1"].name == "Example X1" and cat.ids[-1] == "X1"
    p = evaluate(Scenario(chip_mix={"X1": 1}), cat)
    assert p.summary()["compute_peak_eflops_bf16"] == pytest.approx(200_000 * 1000e12 / 1e18)


@pytest.mark.parametrize("text, expect", [
    ("id,tdp_w\nH100,hot\n", ["mine.csv", "row 2", "'H100'", "'tdp_w'", "'hot' is not a number"]),
    ("id,tdp_w\nH100,-5\n", ["row 2", "'tdp_w'", "outside the allowed range"]),
    ("id,tdpw\nH100,5\n", ["unknown column 'tdpw'", "Did you mean 'tdp_w'"]),
    ("id,name\nNEW,New chip\n", ["row 2", "'NEW'", "'bf16_tflops'", "required for a new chip"]),
    ("id,tdp_w\nH100,700\nH100,800\n", ["row 3", "appears twice"]),
    ("id,system_w_per_accel\nH100,500\n", ["'system_w_per_accel'", "below the chip's TDP"]),
    ("id,rent_includes_power\nH100,maybe\n", ["'rent_includes_power'", "true or false"]),
    ("name,tdp_w\nx,5\n", ["'id' column"]),
    ("id,tdp_w\nbad id!,5\n", ["'bad id!'", "not a valid chip id"]),
    ("id,tdp_w\nH100,5,6\n", ["row 2", "more cells than columns"]),
    ("id,as_of\nH100,last year\n", ["'as_of'", "not a date"]),
    ("id,as_of\nH100,2026-13\n", ["'as_of'", "not a date"]),
    ("id,tdp_w,tdp_w\nH100,5,6\n", ["'tdp_w' appears twice"]),
    ("id,notes\nH100," + "x" * 200_000 + "\n", ["row", "not readable as CSV"]),
])
def test_a_bad_user_catalog_names_the_row_and_column(tmp_path, text, expect):
    with pytest.raises(CatalogError) as info:
        load_catalog(_user(tmp_path, text))
    for part in expect:
        assert part in str(info.value), (part, str(info.value))


def test_missing_folder_or_binary_catalog_files_name_the_file_and_the_problem(tmp_path):
    with pytest.raises(CatalogError, match="none.csv: no such file"):
        load_catalog(tmp_path / "none.csv")
    with pytest.raises(CatalogError, match="is a folder, not a catalog file"):
        load_catalog(tmp_path)
    path = tmp_path / "bin.csv"
    path.write_bytes(b"\xff\xfe\x00\x00garbage")
    with pytest.raises(CatalogError, match="bin.csv: not a text file .a catalog file is UTF-8 CSV."):
        load_catalog(path)


def test_unknown_chip_suggests_the_nearest_id():
    with pytest.raises(CatalogError, match="Did you mean 'GB200'"):
        CAT.index("GB20")
