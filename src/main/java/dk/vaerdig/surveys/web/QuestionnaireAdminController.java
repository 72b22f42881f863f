package dk.vaerdig.surveys.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.surveys.internal.QuestionnaireEditor;
import dk.vaerdig.surveys.internal.Questionnaires;

/** Administrators and communication staff make new versions of the questionnaire. */
@NoPersonalData("questionnaire versions; no candidate")
@Controller
@RequestMapping("/admin/surveys")
@RequiresPermission(Permission.EDIT_QUESTIONNAIRE)
class QuestionnaireAdminController {

	private final QuestionnaireEditor editor;

	private final StaffDirectory staff;

	QuestionnaireAdminController(QuestionnaireEditor editor, StaffDirectory staff) {
		this.editor = editor;
		this.staff = staff;
	}

	@GetMapping
	String versions(Model model) {
		model.addAttribute("versions", editor.versions());
		editor.draft().ifPresent(d -> {
			model.addAttribute("draft", d);
			model.addAttribute("languages", editor.languages(d.id()));
			model.addAttribute("questions", editor.questions(d.id()));
		});
		model.addAttribute("kinds", Questionnaires.Kind.values());
		return "surveys/admin";
	}

	@PostMapping("/draft")
	String newDraft(RedirectAttributes redirect) {
		return run(redirect, "surveys.admin.draftMade", () -> editor.newDraft(staff.currentStaff().username()));
	}

	@PostMapping("/questions/{id}/texts")
	String texts(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
		return run(redirect, "surveys.admin.saved", () -> params.forEach((name, value) -> {
			if (name.startsWith("text_")) {
				if (value != null && value.length() > 300) {
					throw new IllegalArgumentException("surveys.admin.textTooLong");
				}
				editor.setText(id, name.substring(5), value);
			}
		}));
	}

	@PostMapping("/questions/{id}/move")
	String move(@PathVariable long id, @RequestParam int direction, RedirectAttributes redirect) {
		return run(redirect, "surveys.admin.saved", () -> editor.move(id, direction));
	}

	@PostMapping("/questions/{id}/remove")
	String remove(@PathVariable long id, RedirectAttributes redirect) {
		return run(redirect, "surveys.admin.saved", () -> editor.removeQuestion(id));
	}

	@PostMapping("/questions")
	String add(@RequestParam String code, @RequestParam Questionnaires.Kind kind, @RequestParam String text,
			RedirectAttributes redirect) {
		return run(redirect, "surveys.admin.saved", () -> {
			if (!code.matches("[a-z][a-z0-9_]{1,30}")) {
				throw new IllegalArgumentException("surveys.admin.codeInvalid");
			}
			if (text.isBlank() || text.length() > 300) {
				throw new IllegalArgumentException("surveys.admin.danishRequired");
			}
			editor.addQuestion(code, kind, text);
		});
	}

	@PostMapping("/languages")
	String addLanguage(@RequestParam String lang, RedirectAttributes redirect) {
		return run(redirect, "surveys.admin.saved", () -> editor.addLanguage(lang.strip().toLowerCase()));
	}

	@PostMapping("/activate")
	String activate(RedirectAttributes redirect) {
		return run(redirect, "surveys.admin.activated", editor::activate);
	}

	/** Runs a change and reports it; a refused change gets its reason, in the user's language, on the page. */
	private String run(RedirectAttributes redirect, String done, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("flash", done);
		}
		catch (IllegalArgumentException | IllegalStateException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/admin/surveys";
	}
}
