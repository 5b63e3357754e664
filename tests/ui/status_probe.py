"""A status-bar widget registered by a test, standing in for another area's widget."""
from PyQt6.QtWidgets import QLabel


class StatusWidget(QLabel):
    def __init__(self, ctx, window=None):
        super().__init__("探针", window)
