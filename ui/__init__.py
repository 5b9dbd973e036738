"""The Qt application. Importing this package imports no Qt: ``ui.launcher`` decides first whether
the command needs a screen at all."""
