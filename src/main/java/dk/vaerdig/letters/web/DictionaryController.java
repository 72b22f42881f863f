package dk.vaerdig.letters.web;

import java.util.List;

import jakarta.validation.Valid;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.letters.internal.Dictionary;
import dk.vaerdig.letters.internal.Rule;

/** Communication staff edit the dictionaries: officialese, disempowering phrasing and hidden verbs. */
@NoPersonalData("the plain-language dictionary; no candidate")
@Controller
@RequestMapping("/letters/dictionary")
@RequiresPermission(Permission.MANAGE_LETTER_TEMPLATES)
class DictionaryController {

	static final List<Rule> KINDS = List.of(Rule.OFFICIALESE, Rule.DISEMPOWERING, Rule.NOMINALISATION);

	private final Dictionary dictionary;

	DictionaryController(Dictionary dictionary) {
		this.dictionary = dictionary;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "OFFICIALESE") Rule kind, Model model) {
		model.addAttribute("form", new DictionaryForm(kind, "", "", ""));
		return page(kind, model);
	}

	@PostMapping
	String save(@Valid @ModelAttribute("form") DictionaryForm form, BindingResult errors, Model model,
			Authentication user, RedirectAttributes redirect) {
		if (errors.hasErrors() || !KINDS.contains(form.kind())) {
			return page(form.kind() == null || !KINDS.contains(form.kind()) ? Rule.OFFICIALESE : form.kind(), model);
		}
		dictionary.save(form.kind(), form.phrase(), form.alternative(), form.note(), user.getName());
		redirect.addFlashAttribute("flash", "letters.dictionary.saved");
		return "redirect:/letters/dictionary?kind=" + form.kind();
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @RequestParam Rule kind, RedirectAttributes redirect) {
		dictionary.delete(id);
		redirect.addFlashAttribute("flash", "letters.dictionary.deleted");
		return "redirect:/letters/dictionary?kind=" + kind;
	}

	private String page(Rule kind, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", KINDS);
		model.addAttribute("entries", dictionary.entries(kind));
		return "letters/dictionary";
	}
}
