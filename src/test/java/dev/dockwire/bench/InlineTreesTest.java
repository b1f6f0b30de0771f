package dev.dockwire.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InlineTreesTest {
    /** A C1 task, then two C2 tasks of one root (the second, a recompilation, is the one that runs). */
    private static final String LOG = """
            <hotspot_log>
            <task compile_id='1' method='dev.dockwire.link.Vxlan xmit (Lio/netty/buffer/ByteBuf;)V' bytes='176' level='3'>
            <klass id='1' name='dev.dockwire.link.Vxlan'/>
            <method id='2' holder='1' name='xmit' bytes='176'/>
            <parse method='2'></parse>
            <task_done nmsize='900'/>
            </task>
            <task compile_id='2' method='dev.dockwire.link.Vxlan xmit (Lio/netty/buffer/ByteBuf;)V' bytes='176'>
            <klass id='1' name='dev.dockwire.link.Vxlan'/>
            <method id='2' holder='1' name='xmit' bytes='176'/>
            <parse method='2'></parse>
            <task_done nmsize='100'/>
            </task>
            <task compile_id='3' method='dev.dockwire.link.Vxlan xmit (Lio/netty/buffer/ByteBuf;)V' bytes='176'>
            <klass id='1' name='dev.dockwire.link.Vxlan'/>
            <klass id='5' name='dev/dockwire/netns/stack/TunnelDst'/>
            <method id='2' holder='1' name='xmit' bytes='176'/>
            <method id='3' holder='1' name='encap' bytes='159'/>
            <method id='4' holder='5' name='xmit' bytes='247'/>
            <parse method='2'>
            <bc code='183' bci='170'/>
            <call method='3' count='100'/>
            <inline_success reason='inline (hot)'/>
            <parse method='3'>
            <bc code='185' bci='120'/>
            <call method='4' count='100'/>
            <inline_fail reason='inlining too deep'/>
            </parse>
            </parse>
            <task_done nmsize='2000'/>
            </task>
            </hotspot_log>
            """;

    @Test
    void theLastC2CompilationAsATree() throws Exception {
        assertEquals("""
                === Vxlan::xmit nmsize 2000
                  @170 Vxlan::encap (159)
                    @120 TunnelDst::xmit (247) NOT INLINED: inlining too deep
                """, InlineTrees.render(LOG, "", false));
    }

    @Test
    void callsOnlyListsTheUnitsBoundaries() throws Exception {
        assertEquals("""
                === Vxlan::xmit nmsize 2000
                  @120 TunnelDst::xmit (247) NOT INLINED: inlining too deep
                """, InlineTrees.render(LOG, "Vxlan::", true));
        assertEquals("", InlineTrees.render(LOG, "Bridge", true));
    }
}
