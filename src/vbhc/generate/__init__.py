"""Generate documents from data (issue 6)."""
