package dk.vaerdig.complaints.web;

import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.complaints.internal.Complaints;

/** Complaint handlers and managers keep the category tree: add, rename, take out of use. */
@NoPersonalData("complaint categories; no candidate")
@Controller
@RequiresPermission(Permission.MANAGE_COMPLAINT_CATEGORIES)
class CategoriesController {

	private final Complaints complaints;

	CategoriesController(Complaints complaints) {
		this.complaints = complaints;
	}

	@GetMapping("/complaints/categories")
	String page(Model model, Locale locale) {
		var all = complaints.allCategories(Locale.forLanguageTag("da"));
		model.addAttribute("categories", all);
		model.addAttribute("english", complaints.allCategories(Locale.ENGLISH));
		model.addAttribute("active", all.stream().collect(Collectors.toMap(Complaints.Category::id,
				c -> complaints.categoryActive(c.id()))));
		return "complaints/categories";
	}

	@PostMapping("/complaints/categories")
	String add(@RequestParam(required = false) Long parentId, @RequestParam String nameDa,
			@RequestParam(required = false) String nameEn, RedirectAttributes redirect) {
		if (nameDa == null || nameDa.isBlank() || nameDa.length() > 100 || (nameEn != null && nameEn.length() > 100)) {
			redirect.addFlashAttribute("flashError", "complaints.category.nameInvalid");
			return "redirect:/complaints/categories";
		}
		try {
			complaints.addCategory(parentId, nameDa, nameEn);
			redirect.addFlashAttribute("flash", "complaints.category.saved");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/complaints/categories";
	}

	@PostMapping("/complaints/categories/{id}")
	String rename(@PathVariable long id, @RequestParam String nameDa, @RequestParam(required = false) String nameEn,
			RedirectAttributes redirect) {
		if (nameDa == null || nameDa.isBlank() || nameDa.length() > 100 || (nameEn != null && nameEn.length() > 100)) {
			redirect.addFlashAttribute("flashError", "complaints.category.nameInvalid");
		}
		else {
			complaints.renameCategory(id, nameDa, nameEn);
			redirect.addFlashAttribute("flash", "complaints.category.saved");
		}
		return "redirect:/complaints/categories";
	}

	@PostMapping("/complaints/categories/{id}/active")
	String active(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		complaints.setCategoryActive(id, active);
		redirect.addFlashAttribute("flash", "complaints.category.saved");
		return "redirect:/complaints/categories";
	}
}
