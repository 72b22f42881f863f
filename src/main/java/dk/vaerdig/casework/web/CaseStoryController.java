package dk.vaerdig.casework.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.internal.CaseAccess;
import dk.vaerdig.casework.internal.CaseFiles;
import dk.vaerdig.casework.internal.CaseStories;
import dk.vaerdig.casework.internal.CaseStories.StoryConflict;
import dk.vaerdig.casework.internal.CaseStories.StoryVersion;
import dk.vaerdig.platform.NotFoundOrNoAccess;

/** Writing the case story with the candidate; a concurrent save is refused and the editor keeps their text. */
@Controller
@RequestMapping("/cases/{id}/story")
class CaseStoryController {

	private final CaseStories stories;

	private final CaseFiles caseFiles;

	private final CaseAccess access;

	private final StaffNames names;

	CaseStoryController(CaseStories stories, CaseFiles caseFiles, CaseAccess access, StaffNames names) {
		this.names = names;
		this.stories = stories;
		this.caseFiles = caseFiles;
		this.access = access;
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@GetMapping
	String edit(@PathVariable long id, Model model) {
		access.change(id);
		model.addAttribute("candidate", caseFiles.view(id));
		var current = stories.current(id);
		model.addAttribute("form", new StoryForm(current.map(StoryVersion::text).orElse(""),
				current.map(StoryVersion::ownWords).orElse(false), current.map(StoryVersion::version).orElse(0)));
		model.addAttribute("baseVersion", current.map(StoryVersion::version).orElse(0));
		return "casework/story";
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@PostMapping
	String save(@PathVariable long id, @Valid @ModelAttribute("form") StoryForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, Locale locale) {
		model.addAttribute("candidate", access.change(id));
		model.addAttribute("baseVersion", form.baseVersion());
		if (errors.hasErrors()) {
			return "casework/story";
		}
		try {
			stories.save(id, form.baseVersion(), form.text(), Boolean.TRUE.equals(form.ownWords()), access.me().username());
		}
		catch (StoryConflict conflict) {
			errors.reject("form.conflict");
			model.addAttribute("theirs", conflict.current());
			model.addAttribute("theirAuthor", conflict.current() == null ? null
					: names.nameAndRole(conflict.current().writtenBy(), locale));
			// the next save builds on the version the user has now seen
			model.addAttribute("baseVersion", conflict.current() == null ? 0 : conflict.current().version());
			return "casework/story";
		}
		redirect.addFlashAttribute("flash", "casework.story.saved");
		return "redirect:/cases/" + id + "#story";
	}

	@ReadsPersonalData(value = AuditAction.VIEW_DOCUMENT, candidate = "id")
	@GetMapping("/versions")
	String versions(@PathVariable long id, Model model, Locale locale) {
		model.addAttribute("candidate", caseFiles.view(id));
		addVersions(id, model, locale);
		return "casework/story-versions";
	}

	@ReadsPersonalData(value = AuditAction.VIEW_DOCUMENT, candidate = "id")
	@GetMapping("/versions/{version}")
	String version(@PathVariable long id, @PathVariable int version, Model model, Locale locale) {
		model.addAttribute("candidate", caseFiles.view(id));
		addVersions(id, model, locale);
		model.addAttribute("shown", stories.version(id, version)
			.orElseThrow(NotFoundOrNoAccess::new));
		return "casework/story-versions";
	}

	/** The versions, and their authors by name and role. */
	private void addVersions(long id, Model model, Locale locale) {
		var versions = stories.versions(id);
		model.addAttribute("versions", versions);
		Map<String, String> authors = new HashMap<>();
		versions.forEach(v -> authors.computeIfAbsent(v.writtenBy(), u -> names.nameAndRole(u, locale)));
		model.addAttribute("authors", authors);
	}
}
