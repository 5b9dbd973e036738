"""The window's widgets: levers, the chip mix, field editors, the Assumptions panel, the control
panel, the KPI strip and the comparison table.

Widgets never talk to each other. Each reports an edit (a dict of scenario changes); the window turns
it into a new Scenario, and every widget is updated from that scenario with its signals blocked, so
nothing loops. Widgets never import the window or the controllers.
"""
