"""Views of the reports app, by topic."""
