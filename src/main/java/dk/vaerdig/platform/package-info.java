/**
 * Shared kernel: value types ({@link dk.vaerdig.platform.Cpr}, {@link dk.vaerdig.platform.WorkingDays}), the clock,
 * the embedded database for development, i18n and the page layout every module renders into.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dk.vaerdig.platform;
