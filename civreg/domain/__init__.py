"""Pure rules: acts, dates, country profiles, validation (no Qt, SQLAlchemy or ReportLab)."""

# Field paths read as a clerk names them in every message (civreg.errors.FieldProblem.label).
import civreg.domain.field_labels  # noqa: F401
