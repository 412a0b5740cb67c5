"""Writes of the clusters app, one module per topic.

Every service is keyword-only, takes the acting user, runs in one transaction,
locks what it changes, checks the rule, saves and leaves an audit entry.
"""
