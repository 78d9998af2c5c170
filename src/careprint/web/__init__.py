"""The practice's local web app (careprint serve): routes, templates and vendored assets."""
