package dev.dockwire.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The receive buffer of a real socket's hand-off to the loop, byte by byte as the kernel admits datagrams. */
class ReceiveBudgetTest {
    @Test
    void admitsWhileUnderTheBufferDropsPastItAndAdmitsAgainOnceDelivered() {
        ReceiveBudget b = new ReceiveBudget();
        int taken = 0;
        while (b.take(1000)) {
            taken++;
        }
        assertEquals(ReceiveBudget.RMEM_DEFAULT / 1000, taken, "212 datagrams of 1000 bytes fit 212992");
        assertEquals(1, b.dropped());
        assertFalse(b.take(1000));
        assertEquals(2, b.dropped());
        b.give(1000);
        assertTrue(b.take(1000), "room again once the loop took one");
        for (int i = 0; i < taken; i++) {
            b.give(1000);
        }
        assertEquals(0, b.queued());
        assertTrue(b.take(65_507), "an empty buffer admits the largest datagram");
        assertTrue(b.take(65_507));
        assertTrue(b.take(65_507));
        assertFalse(b.take(65_507), "the fourth would pass 212992");
    }
}
