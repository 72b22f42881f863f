package dk.vaerdig.letters.web;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.letters.internal.Analyses;
import dk.vaerdig.letters.internal.Analysis;
import dk.vaerdig.letters.internal.Finding;
import dk.vaerdig.letters.internal.LetterCategory;
import dk.vaerdig.letters.internal.SubjectLine;

/**
 * The editor: the analysis updates while one types (htmx posts the text after a pause and swaps in the analysis);
 * without JavaScript the button analyses the text with a normal submit. A suggestion is applied with one click.
 */
@NoPersonalData("analyses a text the user types; nothing is read from the case files")
@Controller
@RequestMapping("/letters/editor")
@RequiresPermission(Permission.USE_LETTERS)
class EditorController {

	/** The choices of the select: "find out from the text" first, then the kinds the writer can set. */
	static final List<LetterCategory> CATEGORIES = List.of(LetterCategory.SYSTEM,
			LetterCategory.DECISION, LetterCategory.CONSULTATION, LetterCategory.INVITATION, LetterCategory.RECEIPT,
			LetterCategory.INFORMATION);

	private final Analyses analyses;

	private final MessageSource messages;

	EditorController(Analyses analyses, MessageSource messages) {
		this.analyses = analyses;
		this.messages = messages;
	}

	@GetMapping
	String editor(Model model) {
		model.addAttribute("form", new EditorForm("", LetterCategory.SYSTEM, null, false));
		model.addAttribute("categories", CATEGORIES);
		return "letters/editor";
	}

	@PostMapping
	String analyse(@Valid @ModelAttribute("form") EditorForm form, BindingResult errors,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
		model.addAttribute("categories", CATEGORIES);
		model.addAttribute("applyEnabled", true);
		if (errors.hasErrors()) {
			return "letters/editor";
		}
		String text = form.text();
		Analysis analysis = analyses.analyse(text, form.category(), true, subjectEnd(form, text));
		if (form.apply() != null && htmx == null) {
			text = apply(text, analysis, form.apply());
			analysis = analyses.analyse(text, form.category(), true, subjectEnd(form, text));
			model.addAttribute("form", new EditorForm(text, form.category(), null, form.subjectLine()));
		}
		model.addAttribute("analysis", AnalysisView.of(text, analysis, messages, locale, analyses.spellingReady(),
				form.category()));
		return htmx != null ? "letters/fragments/analysis :: analysis" : "letters/editor";
	}

	private static int subjectEnd(EditorForm form, String text) {
		return Boolean.TRUE.equals(form.subjectLine()) ? SubjectLine.firstLine(text) : -1;
	}

	/** Replaces the text of the finding "start:end" by its suggestion; anything else leaves the text as it is. */
	static String apply(String text, Analysis analysis, String which) {
		String[] parts = which.split(":");
		if (parts.length != 2) {
			return text;
		}
		try {
			int start = Integer.parseInt(parts[0]);
			int end = Integer.parseInt(parts[1]);
			for (Finding f : analysis.findings()) {
				if (f.start() == start && f.end() == end && f.hasSuggestion() && !f.wholeLetter()) {
					return f.applyTo(text);
				}
			}
		}
		catch (NumberFormatException e) {
			// not one of ours: leave the text alone
		}
		return text;
	}
}
