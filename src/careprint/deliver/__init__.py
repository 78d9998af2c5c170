"""Delivery: files written atomically (and, later, email)."""
