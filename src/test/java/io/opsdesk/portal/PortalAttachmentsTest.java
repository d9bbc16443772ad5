package io.opsdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.opsdesk.OpsDeskTest;
import io.opsdesk.attachment.AttachmentService;
import io.opsdesk.attachment.NewAttachment;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.NewTicket;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketType;
import io.opsdesk.ticket.Visibility;

/** Files support delivers with a ticket (e.g. a DATA_REQUEST's extract) on the customer's tracking page. */
@OpsDeskTest
class PortalAttachmentsTest {

    @LocalServerPort
    int port;
    final TicketService tickets;
    final AttachmentService attachments;

    PortalAttachmentsTest(TicketService tickets, AttachmentService attachments) {
        this.tickets = tickets;
        this.attachments = attachments;
    }

    @Test
    void theTrackingPageListsAndDownloadsOnlyPublicFiles() {
        TicketService.Created created = tickets.create(new NewTicket(TicketType.DATA_REQUEST, "October orders", "As CSV please",
                "erp", Level.LOW, Level.MEDIUM, "Li Wei", "li-" + UUID.randomUUID() + "@example.com", null, "en", "API"), null);
        String key = created.ticket().key();
        byte[] csv = "order,amount\n1001,20.50\n".getBytes(StandardCharsets.UTF_8);
        attachments.add(key, new NewAttachment("orders-2026-10.csv", "text/csv", csv), "alice", Visibility.PUBLIC);
        attachments.add(key, new NewAttachment("query.txt", "text/plain", "select *".getBytes()), "alice", Visibility.INTERNAL);

        PortalClient customer = new PortalClient(port, "en");
        String page = customer.get("/portal/tickets/" + key + "?token=" + created.trackingToken()).location();
        Document tracking = customer.get(page).html();
        assertThat(tracking.select("#attachments a")).extracting(Element::text).containsExactly("orders-2026-10.csv");

        PortalClient.Page download = customer.get(tracking.selectFirst("#attachments a").attr("href"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("order,amount\n1001,20.50\n");

        // without the session that holds the token, the same link finds nothing
        assertThat(new PortalClient(port, "en").get(tracking.selectFirst("#attachments a").attr("href")).status()).isEqualTo(404);
    }
}
