"""Synthetic but realistic data for demos, tutorials and benchmarks (never real persons)."""
