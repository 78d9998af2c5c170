"""Content: YAML files with line numbers, validated into plain data models."""
