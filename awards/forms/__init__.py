"""Forms of the awards app: validate and convert; services do the writing."""
