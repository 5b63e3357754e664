"""Guide cards in the workstation: preview (Qt PDF view), printing (QPrinter), the
template editor of the 管理 page. The cards themselves are forms.cards; which guide may
print, and counting prints, is db.cards."""
