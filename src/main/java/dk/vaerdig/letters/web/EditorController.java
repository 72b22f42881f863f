package dk.vaerdig.letters.web;

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

import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.letters.internal.Analyses;
import dk.vaerdig.letters.internal.Analysis;
import dk.vaerdig.letters.internal.Finding;
import dk.vaerdig.letters.internal.LetterCategory;

/**
 * The editor: the analysis updates while one types (htmx posts the text after a pause and swaps in the analysis);
 * without JavaScript the button analyses the text with a normal submit. A suggestion is applied with one click.
 */
@NoPersonalData("analyses a text the user types; nothing is read from the case files")
@Controller
@RequestMapping("/letters/editor")
@RequiresPermission(Permission.USE_LETTERS)
class EditorController {

	private final Analyses analyses;

	private final MessageSource messages;

	EditorController(Analyses analyses, MessageSource messages) {
		this.analyses = analyses;
		this.messages = messages;
	}

	@GetMapping
	String editor(Model model) {
		model.addAttribute("form", new EditorForm("", LetterCategory.INFORMATION, null));
		model.addAttribute("categories", LetterCategory.values());
		return "letters/editor";
	}

	@PostMapping
	String analyse(@Valid @ModelAttribute("form") EditorForm form, BindingResult errors,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
		model.addAttribute("categories", LetterCategory.values());
		model.addAttribute("applyEnabled", true);
		if (errors.hasErrors()) {
			return "letters/editor";
		}
		String text = form.text();
		Analysis analysis = analyses.analyse(text, form.category(), true);
		if (form.apply() != null && htmx == null) {
			text = apply(text, analysis, form.apply());
			analysis = analyses.analyse(text, form.category(), true);
			model.addAttribute("form", new EditorForm(text, form.category(), null));
		}
		model.addAttribute("analysis", AnalysisView.of(text, analysis, messages, locale, analyses.spellingReady()));
		return htmx != null ? "letters/fragments/analysis :: analysis" : "letters/editor";
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
					int cut = end;
					if (f.suggestion().isEmpty() && cut < text.length() && text.charAt(cut) == ' ') {
						cut++;
					}
					return text.substring(0, start) + f.suggestion() + text.substring(cut);
				}
			}
		}
		catch (NumberFormatException e) {
			// not one of ours: leave the text alone
		}
		return text;
	}
}
