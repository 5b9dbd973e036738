"""The portfolio window: several deals as one fleet (docs/portfolio.md; the sums are explorer.portfolio)."""
