"""Body fields: references, campaign period, targets, criteria, quotas, deadlines, dossier.

Each module reads the body through :mod:`.outline` and returns plain model objects.
"""
