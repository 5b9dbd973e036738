"""docs/model.md explains every scenario field; the README keeps its two Quick start commands."""

import re
from pathlib import Path

from explorer.fields import FIELDS

ROOT = Path(__file__).resolve().parents[2]


def test_model_doc_mentions_every_scenario_field():
    text = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    missing = [name for name in FIELDS if f"`{name}`" not in text]
    assert missing == []


def test_readme_quick_start_has_exactly_two_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", section, re.S).group(1)
    commands = [line.strip() for line in block.splitlines() if line.strip() and not line.strip().startswith("#")]
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_the_japanese_model_page_follows_the_english_one():
    """docs/model.ja.md (Help ▸ Model and sources in Japanese) has the English page's sections, tables,
    code and links: a change to docs/model.md that is not carried over fails here."""
    import re

    from explorer.paths import model_doc_path

    english = model_doc_path("en").read_text(encoding="utf-8")
    japanese = model_doc_path("ja").read_text(encoding="utf-8")
    assert model_doc_path("ja").name == "model.ja.md"

    def shape(text):
        lines = text.splitlines()
        return ([len(line) - len(line.lstrip("#")) for line in lines if line.startswith("#")],
                [line.count("|") for line in lines if line.startswith("|")])

    assert shape(japanese) == shape(english), "docs/model.ja.md no longer follows docs/model.md: translate the change"
    for span in set(re.findall(r"`[^`]+`", english)) | set(re.findall(r"https?://[^\s<>)]+", english)):
        assert span in japanese, span


def test_the_readme_says_as_many_compared_scenarios_as_the_app_takes():
    from explorer.compare import MAX_COMPARED

    words = {3: "three", 4: "four", 5: "five", 6: "six"}
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert f"up to {words[MAX_COMPARED - 1]} beside the current one ({words[MAX_COMPARED]} side by side)" in readme
