package dev.dockwire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProductionJvmTest {
    @Test
    void setsNettysPropertiesUnlessGivenOnTheCommandLine() {
        Properties p = new Properties();
        p.setProperty("io.netty.leakDetection.level", "paranoid");
        ProductionJvm.apply(p);
        assertEquals("paranoid", p.getProperty("io.netty.leakDetection.level"));
        assertEquals("false", p.getProperty("io.netty.buffer.checkAccessible"));
    }
}
