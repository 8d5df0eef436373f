"""Small builders for demo question dicts, shared by the onboarding, council and refresher
banks: a question as ``quizzes.services.question_create`` takes it, plus the lesson slug that
teaches it (``taught_in``), which the loader resolves to the lesson page."""

from __future__ import annotations


def question(
    theme: str,
    kind: str,
    text: str,
    *,
    explanation: str,
    options: list[tuple[str, bool, str]],
    taught_in: str,
    source_note: str = "",
    scenario: str = "",
) -> dict:
    return {
        "theme": theme,
        "kind": kind,
        "scenario": scenario,
        "text": text,
        "explanation": explanation,
        "options": [
            {"text": answer, "correct": correct, "feedback": feedback}
            for answer, correct, feedback in options
        ],
        "taught_in": taught_in,
        "source_note": source_note,
    }


def true_false(
    theme: str, text: str, *, true: bool, explanation: str, taught_in: str, source_note: str = ""
) -> dict:
    return question(
        theme,
        "true_false",
        f"Waar of niet waar: {text}",
        explanation=explanation,
        options=[("Waar", true, ""), ("Niet waar", not true, "")],
        taught_in=taught_in,
        source_note=source_note,
    )
