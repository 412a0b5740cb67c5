"""Staff and public views of the awards app: thin, each resolving through the scope,
checking a permission, validating a form and calling a service."""
