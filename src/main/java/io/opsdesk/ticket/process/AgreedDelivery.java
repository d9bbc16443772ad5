package io.opsdesk.ticket.process;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

import io.opsdesk.engine.EngineTime;
import io.opsdesk.engine.ProcessValues;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/**
 * The agreed delivery date a form gives: not in the past, and due at the end of that working day in the
 * team's zone, which becomes the Implement-fix task's due date ({@code ${agreedDeliveryDue}}).
 */
@Component
class AgreedDelivery {

    private final TicketSettings settings;

    AgreedDelivery(TicketSettings settings) {
        this.settings = settings;
    }

    /** The date, or null if the form gave none and it is not {@code required}. */
    LocalDate read(DelegateTask task, boolean required) {
        LocalDate date = ProcessValues.of(task).date(Variables.AGREED_DELIVERY_DATE);
        if (date == null) {
            if (required) {
                throw new NotValidException(Variables.AGREED_DELIVERY_DATE + ": 必须填写约定交付日期 / an agreed delivery date is required");
            }
            return null;
        }
        if (date.isBefore(LocalDate.ofInstant(EngineTime.now(), settings.getZone()))) {
            throw new NotValidException(Variables.AGREED_DELIVERY_DATE + ": " + date + " 已经过去 / is in the past");
        }
        Date due = Date.from(date.atTime(LocalTime.of(18, 0)).atZone(settings.getZone()).toInstant());
        task.getExecution().setVariable(Variables.AGREED_DELIVERY_DUE, due);
        return date;
    }
}
