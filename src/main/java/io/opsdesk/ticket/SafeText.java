package io.opsdesk.ticket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The text holds only characters {@link TextRules} accepts for its {@link #kind}. The API's message
 * names the character and its position; the portal's comes from {@code messages*.properties}
 * ({@code SafeText}).
 */
@Documented
@Constraint(validatedBy = SafeText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SafeText {

    TextRules.Kind kind() default TextRules.Kind.ONE_LINE;

    String message() default "contains characters that are not accepted";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the text with {@link TextRules#problem}. */
    class Validator implements ConstraintValidator<SafeText, String> {

        private TextRules.Kind kind;

        @Override
        public void initialize(SafeText annotation) {
            this.kind = annotation.kind();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = TextRules.problem(value, kind);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // the problem names characters by code point only: nothing in it is an interpolation expression
            context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                    .addConstraintViolation();
            return false;
        }
    }
}
