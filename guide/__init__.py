"""The guide's core: content loading and validation, rendering and the checks. It knows no engine; the
adapters (adapters/) wire it into one each."""
