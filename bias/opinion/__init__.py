"""Sentence-level opinion (subjectivity) model: features, the shipped model, retraining."""
