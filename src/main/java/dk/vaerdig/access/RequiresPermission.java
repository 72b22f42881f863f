package dk.vaerdig.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Method security by permission: the handler (or every handler of the class) may be called only by someone whose
 * role is granted the permission in {@link Grants}. A meta-annotation over {@link PreAuthorize}, whose template
 * {@code {value}} the method security configuration fills in with the permission's name.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAuthority('PERM_{value}')")
public @interface RequiresPermission {

	Permission value();
}
