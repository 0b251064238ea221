"""Benchmarks, the terminal driver the crash test shares, and the sessions both run on.

Run them with ``python -m benchmarks``.
"""
