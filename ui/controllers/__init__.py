"""The window's jobs, one controller each: the display (what the views show), files, the comparison,
presentation mode, exports, the chip catalog and fit-to-budget.

Each gets a narrow host (the document, the Qt-free state it changes, the dialogs, a Status to report
through) and tells the window what happened by signals: none of them calls the window back.
"""
