"""TEMPORARY placeholder, being replaced by the readability extractor."""

from bias.features.base import Extractor
from bias.model import FeatureResult

EXTRACTOR = Extractor(name="readability", description="", specs=(), run=lambda parsed: FeatureResult(values={}))
