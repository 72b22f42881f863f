package dk.vaerdig.letters.web;

import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.letters.internal.Analyses;
import dk.vaerdig.letters.internal.LetterCategory;
import dk.vaerdig.letters.internal.LetterTemplates;
import dk.vaerdig.letters.internal.LetterTemplates.Template;
import dk.vaerdig.letters.internal.MergeFields;
import dk.vaerdig.letters.internal.TemplateVersion;
import dk.vaerdig.letters.web.TemplateForms.NewTemplateForm;
import dk.vaerdig.letters.web.TemplateForms.ReviewForm;
import dk.vaerdig.letters.web.TemplateForms.VersionForm;

/**
 * Templates, their versions, the diff between two versions and the review. Communication staff and administrators
 * write; communication staff review (not their own text); caseworkers read.
 */
@NoPersonalData("letter templates and their review; no candidate")
@Controller
@RequestMapping("/letters/templates")
@RequiresPermission(Permission.USE_LETTERS)
class TemplateController {


	private final LetterTemplates templates;

	private final Analyses analyses;

	private final MessageSource messages;

	TemplateController(LetterTemplates templates, Analyses analyses, MessageSource messages) {
		this.templates = templates;
		this.analyses = analyses;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("templates", templates.templates());
		model.addAttribute("form", new NewTemplateForm("", LetterCategory.INFORMATION, "", ""));
		model.addAttribute("categories", LetterCategory.values());
		model.addAttribute("fields", MergeFields.listed());
		return "letters/templates";
	}

	@PostMapping
	@RequiresPermission(Permission.MANAGE_LETTER_TEMPLATES)
	String create(@Valid @ModelAttribute("form") NewTemplateForm form, BindingResult errors, Model model,
			Authentication user) {
		if (errors.hasErrors()) {
			model.addAttribute("templates", templates.templates());
			model.addAttribute("categories", LetterCategory.values());
			model.addAttribute("fields", MergeFields.listed());
			return "letters/templates";
		}
		long id = templates.create(form.name().trim(), form.category(), form.subject().trim(), form.body(), user.getName());
		return "redirect:/letters/templates/" + id + "/versions/1";
	}

	@GetMapping("/{id}")
	String template(@PathVariable long id, Model model) {
		model.addAttribute("template", template(id));
		model.addAttribute("versions", templates.versions(id));
		return "letters/template";
	}

	@GetMapping("/{id}/versions/{number}")
	String version(@PathVariable long id, @PathVariable int number, Model model, Locale locale) {
		TemplateVersion v = templates.version(id, number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("form", new VersionForm(v.subject(), v.body(), v.rowVersion()));
		return version(id, v, model, locale);
	}

	private String version(long id, TemplateVersion v, Model model, Locale locale) {
		Template template = template(id);
		model.addAttribute("template", template);
		model.addAttribute("version", v);
		model.addAttribute("comments", templates.comments(v.id()));
		model.addAttribute("fields", MergeFields.listed());
		model.addAttribute("analysis", AnalysisView.of(v.body(), analyses.analyse(v.body(), template.category(), true),
				messages, locale, analyses.spellingReady(), template.category()));
		return "letters/version";
	}

	@PostMapping("/{id}/versions/{number}")
	@RequiresPermission(Permission.MANAGE_LETTER_TEMPLATES)
	String edit(@PathVariable long id, @PathVariable int number, @Valid @ModelAttribute("form") VersionForm form,
			BindingResult errors, Model model, Locale locale, RedirectAttributes redirect) {
		TemplateVersion v = templates.version(id, number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (errors.hasErrors()) {
			return version(id, v, model, locale);
		}
		templates.edit(v.id(), form.rowVersion(), form.subject().trim(), form.body().replace("\r\n", "\n"));
		redirect.addFlashAttribute("flash", "letters.version.saved");
		return "redirect:/letters/templates/" + id + "/versions/" + number;
	}

	@PostMapping("/{id}/versions")
	@RequiresPermission(Permission.MANAGE_LETTER_TEMPLATES)
	String newDraft(@PathVariable long id, Authentication user) {
		TemplateVersion draft = templates.newDraft(id, user.getName());
		return "redirect:/letters/templates/" + id + "/versions/" + draft.number();
	}

	@PostMapping("/{id}/versions/{number}/submit")
	@RequiresPermission(Permission.MANAGE_LETTER_TEMPLATES)
	String submit(@PathVariable long id, @PathVariable int number, @Valid ReviewForm form, Authentication user,
			RedirectAttributes redirect) {
		templates.submit(versionId(id, number), form.rowVersion(), user.getName(), form.comment());
		redirect.addFlashAttribute("flash", "letters.version.submitted");
		return "redirect:/letters/templates/" + id + "/versions/" + number;
	}

	@PostMapping("/{id}/versions/{number}/approve")
	@RequiresPermission(Permission.APPROVE_LETTER_TEMPLATES)
	String approve(@PathVariable long id, @PathVariable int number, @Valid ReviewForm form, Authentication user,
			RedirectAttributes redirect) {
		templates.approve(versionId(id, number), form.rowVersion(), user.getName(), form.comment());
		redirect.addFlashAttribute("flash", "letters.version.approved");
		return "redirect:/letters/templates/" + id + "/versions/" + number;
	}

	@PostMapping("/{id}/versions/{number}/changes")
	@RequiresPermission(Permission.APPROVE_LETTER_TEMPLATES)
	String requestChanges(@PathVariable long id, @PathVariable int number, @Valid ReviewForm form, Authentication user,
			RedirectAttributes redirect) {
		templates.requestChanges(versionId(id, number), form.rowVersion(), user.getName(), form.comment());
		redirect.addFlashAttribute("flash", "letters.version.changesRequested");
		return "redirect:/letters/templates/" + id + "/versions/" + number;
	}

	@GetMapping("/{id}/diff")
	String diff(@PathVariable long id, @RequestParam int a, @RequestParam int b, Model model) {
		TemplateVersion from = templates.version(id, a).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		TemplateVersion to = templates.version(id, b).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("template", template(id));
		model.addAttribute("versions", templates.versions(id));
		model.addAttribute("a", a);
		model.addAttribute("b", b);
		model.addAttribute("lines", LetterTemplates.diff(from, to));
		return "letters/diff";
	}

	private Template template(long id) {
		return templates.template(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private long versionId(long id, int number) {
		return templates.version(id, number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)).id();
	}
}
