"""Printed approval slips (审批单): plain data in, PDF bytes out (reportlab, no Qt)."""
from forms.slips.approval import SlipResult, render_slip

__all__ = ["SlipResult", "render_slip"]
