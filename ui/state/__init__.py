"""What the window shows, as plain Python: the view options, the comparison, the presentation's
slides, the policy of when the background analyses run, and the one value each chart draws.

Nothing here imports Qt (an architecture test checks it), so all of it is tested without a window.
"""
