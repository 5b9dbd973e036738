"""Pictures made outside the window: chart images (PNG, SVG, PDF, clipboard), the one-page report,
and the command-line commands that make them with no display."""
