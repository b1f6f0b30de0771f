package dev.dockwire.docker;

import dev.dockwire.sim.SeededRandom;
import java.util.function.Predicate;

/**
 * Container names as Docker's namesgenerator makes them when {@code --name} is absent:
 * {@code adjective_surname} (a subset of its lists), never {@code boring_wozniak}; a digit is
 * appended when the name is taken.
 */
public final class Names {
    private static final String[] LEFT = {
        "admiring", "adoring", "affectionate", "agitated", "amazing", "angry", "awesome", "beautiful",
        "blissful", "bold", "boring", "brave", "busy", "charming", "clever", "compassionate", "competent",
        "condescending", "confident", "cool", "cranky", "crazy", "dazzling", "determined", "distracted",
        "dreamy", "eager", "ecstatic", "elastic", "elated", "elegant", "eloquent", "epic", "exciting",
        "fervent", "festive", "flamboyant", "focused", "friendly", "frosty", "funny", "gallant", "gifted",
        "goofy", "gracious", "great", "happy", "hardcore", "heuristic", "hopeful", "hungry", "infallible",
        "inspiring", "intelligent", "interesting", "jolly", "jovial", "keen", "kind", "laughing", "loving",
        "lucid", "magical", "modest", "musing", "mystifying", "naughty", "nervous", "nice", "nifty",
        "nostalgic", "objective", "optimistic", "peaceful", "pedantic", "pensive", "practical", "priceless",
        "quirky", "quizzical", "recursing", "relaxed", "reverent", "romantic", "sad", "serene", "sharp",
        "silly", "sleepy", "stoic", "strange", "stupefied", "suspicious", "sweet", "tender", "thirsty",
        "trusting", "unruffled", "upbeat", "vibrant", "vigilant", "vigorous", "wizardly", "wonderful",
        "xenodochial", "youthful", "zealous", "zen",
    };
    private static final String[] RIGHT = {
        "agnesi", "albattani", "allen", "almeida", "archimedes", "ardinghelli", "babbage", "banach",
        "bardeen", "bartik", "bassi", "bell", "benz", "bhabha", "blackwell", "bohr", "booth", "borg",
        "bose", "bouman", "brahmagupta", "brattain", "brown", "buck", "burnell", "cannon", "carson",
        "cartwright", "cerf", "chandrasekhar", "chatelet", "chaum", "chebyshev", "clarke", "cohen",
        "colden", "cori", "cray", "curie", "darwin", "davinci", "diffie", "dijkstra", "dirac", "driscoll",
        "dubinsky", "easley", "edison", "einstein", "elgamal", "elion", "engelbart", "euclid", "euler",
        "faraday", "feistel", "fermat", "fermi", "feynman", "franklin", "galileo", "gates", "goldberg",
        "goldstine", "goldwasser", "golick", "goodall", "gould", "greider", "grothendieck", "haibt",
        "hamilton", "haslett", "hawking", "heisenberg", "hellman", "hermann", "herschel", "hertz",
        "heyrovsky", "hodgkin", "hofstadter", "hoover", "hopper", "hugle", "hypatia", "jackson", "jang",
        "jemison", "jennings", "jepsen", "johnson", "joliot", "jones", "kalam", "kapitsa", "kare",
        "keldysh", "keller", "kepler", "khayyam", "khorana", "kilby", "kirch", "knuth", "kowalevski",
        "lalande", "lamarr", "lamport", "leakey", "leavitt", "lederberg", "lehmann", "lewin", "lichterman",
        "liskov", "lovelace", "lumiere", "mahavira", "margulis", "matsumoto", "maxwell", "mayer",
        "mccarthy", "mcclintock", "mclean", "mcnulty", "meitner", "mendel", "mendeleev", "merkle",
        "mestorf", "mirzakhani", "montalcini", "moore", "morse", "moser", "murdock", "napier", "nash",
        "neumann", "newton", "nightingale", "nobel", "noether", "northcutt", "noyce", "panini", "pare",
        "pascal", "pasteur", "payne", "perlman", "pike", "poincare", "poitras", "proskuriakova", "ptolemy",
        "raman", "ramanujan", "rhodes", "ride", "ritchie", "robinson", "roentgen", "rosalind", "rubin",
        "saha", "sammet", "sanderson", "satoshi", "shamir", "shannon", "shaw", "shirley", "shockley",
        "shtern", "sinoussi", "snyder", "solomon", "spence", "stonebraker", "sutherland", "swanson",
        "swartz", "swirles", "taussig", "tesla", "tharp", "thompson", "torvalds", "tu", "turing", "varahamihira",
        "vaughan", "villani", "visvesvaraya", "volhard", "wescoff", "wilbur", "wiles", "williams",
        "williamson", "wilson", "wing", "wozniak", "wright", "wu", "yalow", "yonath", "zhukovsky",
    };

    private Names() {
    }

    public static String generate(SeededRandom random, Predicate<String> taken) {
        for (int attempt = 0; ; attempt++) {
            String name = LEFT[random.nextInt(LEFT.length)] + "_" + RIGHT[random.nextInt(RIGHT.length)];
            if (name.equals("boring_wozniak")) {
                continue; // Steve Wozniak is not boring
            }
            if (attempt > 0) {
                name = name + random.nextInt(10);
            }
            if (!taken.test(name)) {
                return name;
            }
        }
    }
}
