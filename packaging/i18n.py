"""Keep the translations in step with the code: ``python3 dev.py i18n`` (this script's ``update``).

- ``update``: extract every marked string (``tr``, ``translate``, ``QT_TR_NOOP`` in ``explorer/`` and
  ``ui/``) and the strings of the shipped data (assumption labels and descriptions, KPI labels,
  preset names and descriptions, listed by ``data_strings``) with ``pyside6-lupdate`` into
  ``assets/i18n/ja.ts``. New strings arrive as ``type="unfinished"``; strings gone from the code are
  dropped. Translate them in Qt Linguist (``pyside6-linguist``) or any text editor.
- ``check``: what the test runs; prints the strings without a translation and exits 1 if there are any
  or if ``update`` would change the file.
- ``fill FILE.json``: set translations from a JSON object {"English": "日本語"} (a key
  "English\\u0004comment" sets the one with that disambiguation); used to bring in a batch.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "assets" / "i18n" / "ja.ts"
sys.path.insert(0, str(ROOT))


def lupdate_program() -> str:
    here = Path(sys.executable).parent
    for name in ("pyside6-lupdate", "pyside6-lupdate.exe"):
        if (here / name).exists():
            return str(here / name)
    found = shutil.which("pyside6-lupdate")
    if not found:
        raise SystemExit("pyside6-lupdate not found (it ships with PySide6-Essentials: run python3 dev.py test once)")
    return found


def data_strings() -> list[str]:
    """The shipped data's user-visible strings, in a stable order."""
    from explorer.fields import FIELDS, GROUPS
    from explorer.kpis import KPIS
    from explorer.presets import list_presets, preset_groups

    out: list[str] = list(GROUPS)
    for spec in FIELDS.values():
        out += [spec.label, spec.help]
    for kpi in KPIS.values():
        out += [kpi.label, kpi.short, kpi.explanation]
    for group, _ in preset_groups():
        out.append(group)
    for preset in list_presets():
        scenario = preset.load()
        out += [scenario.name, scenario.description]
    from explorer.portfolio import list_portfolios

    for shipped in list_portfolios():
        portfolio = shipped.load()
        out += [portfolio.name, portfolio.notes]
    seen, unique = set(), []
    for text in out:
        if text and text not in seen:
            seen.add(text)
            unique.append(text)
    return unique


def sources() -> list[Path]:
    return sorted(p for folder in ("explorer", "ui") for p in (ROOT / folder).rglob("*.py"))


def run_lupdate(ts: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        stub = Path(tmp) / "shipped_data.py"
        stub.write_text("".join(f"QT_TR_NOOP({json.dumps(t, ensure_ascii=False)})\n" for t in data_strings()),
                        encoding="utf-8")
        cmd = [lupdate_program(), *map(str, sources()), str(stub), "-locations", "none", "-no-obsolete",
               "-source-language", "en", "-target-language", "ja", "-silent", "-ts", str(ts)]
        subprocess.run(cmd, check=True, cwd=ROOT)


def messages(ts: Path) -> list[tuple[str, str, str | None]]:
    """(source, comment, translation or None when unfinished)."""
    out = []
    for message in ElementTree.parse(ts).getroot().iter("message"):
        node = message.find("translation")
        done = node is not None and node.get("type") not in ("unfinished", "obsolete", "vanished") and node.text
        out.append((message.findtext("source") or "", message.findtext("comment") or "",
                    node.text if done else None))
    return out


def update() -> int:
    TS.parent.mkdir(parents=True, exist_ok=True)
    run_lupdate(TS)
    missing = [m for m in messages(TS) if m[2] is None]
    print(f"{TS.relative_to(ROOT)}: {len(messages(TS))} strings, {len(missing)} without a translation")
    return 0


def check() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "ja.ts"
        shutil.copy(TS, fresh)
        run_lupdate(fresh)
        stale = fresh.read_bytes() != TS.read_bytes()
    missing = [m for m in messages(TS) if m[2] is None]
    for source, comment, _ in missing:
        print(f"no translation: {source!r}" + (f" ({comment})" if comment else ""))
    if stale:
        print(f"{TS.relative_to(ROOT)} is stale: run python3 dev.py i18n")
    return 1 if missing or stale else 0


def fill(path: Path) -> int:
    table = json.loads(path.read_text(encoding="utf-8"))
    tree = ElementTree.parse(TS)
    done = 0
    for message in tree.getroot().iter("message"):
        source, comment = message.findtext("source") or "", message.findtext("comment") or ""
        key = f"{source}\u0004{comment}" if comment else source
        if key in table and table[key]:
            node = message.find("translation")
            node.text = table[key]
            node.attrib.pop("type", None)
            done += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    run_lupdate(TS)  # back to lupdate's own layout
    print(f"filled {done} translations")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:
        return check()
    if argv[:1] == ["fill"] and len(argv) == 2:
        return fill(Path(argv[1]))
    if argv[:1] in (["update"], []):
        return update()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
