"""Light, dark and high-contrast themes for the widgets and the charts (pyqtgraph never restyles
itself, so every chart applies its theme explicitly)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from explorer.i18n import QT_TR_NOOP

# A qualitative palette that stays distinct on light and dark backgrounds (Tableau 10, then extras).
_CHIP_PALETTE = (
    "#4E79A7", "#F28E2B", "#59A14F", "#E15759", "#76B7B2", "#EDC948", "#B07AA1", "#FF9DA7",
    "#9C755F", "#BAB0AC", "#1F77B4", "#8C564B", "#17BECF", "#BCBD22", "#D62728", "#2CA02C",
)
# Fixed colours for the shipped chips, so a chip looks the same in every scenario and export.
_CHIP_COLOURS = {
    "GB200": "#59A14F", "GB300": "#8CD17D", "B200": "#2CA02C", "H100": "#B6992D", "H200": "#EDC948",
    "MI300X": "#E15759", "MI355X": "#FF9DA7", "Trainium2": "#F28E2B", "Trainium3": "#FFBE7D",
    "Inferentia2": "#9C755F", "TPUv5p": "#4E79A7", "TPUv6e": "#76B7B2", "TPU7x": "#A0CBE8",
    "VR200": "#1B7837", "MI450": "#B2182B", "XPU": "#6A3D9A",
}
COMPONENT_COLOURS = {"compute": "#4E79A7", "energy": "#F28E2B", "cpu": "#B07AA1", "other": "#9D9D9D"}
# English sources: shown through tr() (the legends), as are the short names (the hover readouts).
COMPONENT_LABELS = {"compute": QT_TR_NOOP("Accelerator capacity"), "energy": QT_TR_NOOP("Energy"),
                    "cpu": QT_TR_NOOP("Agent CPUs"), "other": QT_TR_NOOP("Support, storage services, other")}
COMPONENT_SHORT = {"compute": QT_TR_NOOP("Accelerator capacity"), "energy": QT_TR_NOOP("Energy"),
                   "cpu": QT_TR_NOOP("Agent CPUs"), "other": QT_TR_NOOP("Support")}


def chip_colour(chip_id: str, index: int = 0) -> str:
    return _CHIP_COLOURS.get(chip_id, _CHIP_PALETTE[index % len(_CHIP_PALETTE)])


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    foreground: str
    muted: str
    grid_alpha: int  # 0-255
    panel: str
    line_it: str
    line_facility: str
    contract: str
    bars: str
    good: str
    bad: str
    font_scale: float = 1.0
    line_scale: float = 1.0

    @property
    def is_dark(self) -> bool:
        return QColor(self.background).lightness() < 128


LIGHT = Theme("light", background="#FFFFFF", foreground="#1F2328", muted="#57606A", grid_alpha=40,
              panel="#F6F8FA", line_it="#4E79A7", line_facility="#E15759", contract="#1F2328",
              bars="#C9D3DD", good="#1A7F37", bad="#CF222E")
DARK = Theme("dark", background="#161B22", foreground="#E6EDF3", muted="#9DA7B3", grid_alpha=55,
             panel="#0D1117", line_it="#79B8FF", line_facility="#FF7B72", contract="#E6EDF3",
             bars="#3D4754", good="#3FB950", bad="#F85149")
HIGH_CONTRAST = Theme("high-contrast", background="#000000", foreground="#FFFFFF", muted="#E0E0E0",
                      grid_alpha=90, panel="#000000", line_it="#00BFFF", line_facility="#FF5050",
                      contract="#FFFFFF", bars="#3A3A3A", good="#4CFF4C", bad="#FF5C5C",
                      font_scale=1.4, line_scale=1.8)
THEMES = {t.name: t for t in (LIGHT, DARK, HIGH_CONTRAST)}
THEME_CHOICES = ("system", "light", "dark")


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    return scheme == Qt.ColorScheme.Dark


def resolve(choice: str) -> Theme:
    if choice == "system":
        return DARK if system_prefers_dark() else LIGHT
    return THEMES.get(choice, LIGHT)


def apply_palette(app: QApplication, theme: Theme) -> None:
    """A palette built from the theme, so widgets and charts agree (the app uses the Fusion style,
    set once at start: changing styles at run time re-polishes every widget)."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    pal = QPalette()
    bg, fg, panel = QColor(theme.background), QColor(theme.foreground), QColor(theme.panel)
    base = bg if theme.is_dark else QColor("#FFFFFF")
    window = panel if theme.is_dark else QColor("#F3F4F6")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        pal.setColor(group, QPalette.ColorRole.Window, window)
        pal.setColor(group, QPalette.ColorRole.WindowText, fg)
        pal.setColor(group, QPalette.ColorRole.Base, base)
        pal.setColor(group, QPalette.ColorRole.AlternateBase, window.lighter(110) if theme.is_dark else window)
        pal.setColor(group, QPalette.ColorRole.Text, fg)
        pal.setColor(group, QPalette.ColorRole.Button, window.lighter(115) if theme.is_dark else QColor("#FFFFFF"))
        pal.setColor(group, QPalette.ColorRole.ButtonText, fg)
        pal.setColor(group, QPalette.ColorRole.ToolTipBase, base)
        pal.setColor(group, QPalette.ColorRole.ToolTipText, fg)
        pal.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(theme.muted))
        pal.setColor(group, QPalette.ColorRole.Highlight, QColor("#2F81F7" if theme.is_dark else "#0969DA"))
        pal.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
        pal.setColor(group, QPalette.ColorRole.Link, QColor("#58A6FF" if theme.is_dark else "#0969DA"))
    muted = QColor(theme.muted)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, muted)
    app.setPalette(pal)
