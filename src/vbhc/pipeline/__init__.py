"""The parsing pipeline: read → normalise → segment → extract → model.

Each stage is one module with one job; data flows forward only.
"""
