"""The pure core: model, kinds, results, storage, i18n. Imports no shell and no UI."""
