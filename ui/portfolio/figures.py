"""The portfolio's figures as the window's cards and the report's boxes show them: a value and a
detail line for each of explorer.portfolio.FIGURES (whose labels and one-line explanations go with
them), in the language and currency shown, in the order of TOTAL_CARDS then CONCENTRATION_CARDS. The
texts are ui/portfolio/palette.py's (the deck reads them there too); plain Python."""

from __future__ import annotations

from explorer.portfolio import Portfolio, PortfolioProjection

from .palette import CONCENTRATION_CARDS, HHI_HIGH, TOTAL_CARDS, card_texts  # noqa: F401


def figure_texts(portfolio: Portfolio, projection: PortfolioProjection) -> dict[str, tuple[str, str]]:
    """key -> (value, detail) for every card."""
    return card_texts(projection.totals, projection.concentration, len(portfolio.members))
