package io.hyperspatial.core.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Word lists that give the synthetic taxonomy readable names and tags. */
final class DemoVocabulary {
    static final List<String> DEPARTMENTS = List.of("Electronics", "Books", "Home & Kitchen", "Garden",
            "Toys", "Sports", "Clothing", "Beauty", "Automotive", "Music", "Office", "Pets");

    private static final List<String> QUALIFIERS = List.of("Outdoor", "Compact", "Vintage", "Smart", "Classic",
            "Travel", "Kids'", "Professional", "Wireless", "Handmade", "Organic", "Modern", "Portable", "Premium");

    private static final List<String> TOPICS = List.of("Audio", "Lighting", "Storage", "Cookware", "Fiction",
            "Tools", "Games", "Footwear", "Care", "Accessories", "Furniture", "Instruments", "Supplies", "Decor",
            "Fitness", "Cameras", "Textiles", "Seeds");

    private static final List<String> ADJECTIVES = List.of("Sturdy", "Quiet", "Bright", "Slim", "Rugged", "Soft",
            "Swift", "Tiny", "Grand", "Clever", "Cosy", "Bold", "Silent", "Vivid", "Nimble", "Steady");

    private static final List<String> NOUNS = List.of("Lamp", "Kettle", "Speaker", "Chair", "Notebook", "Drone",
            "Backpack", "Blender", "Headset", "Planter", "Jacket", "Puzzle", "Racket", "Brush", "Clock", "Helmet",
            "Mixer", "Tent", "Guitar", "Leash");

    static final List<String> TAGS = List.of("new", "sale", "eco", "bestseller", "limited", "refurbished", "gift",
            "bundle", "premium", "budget", "handmade", "imported");

    private DemoVocabulary() {
    }

    static String subcategoryName(SplittableRandom r) {
        return pick(r, QUALIFIERS) + " " + pick(r, TOPICS);
    }

    static String itemName(SplittableRandom r) {
        char series = (char) ('A' + r.nextInt(26));
        return pick(r, ADJECTIVES) + " " + pick(r, NOUNS) + " " + series + "-" + (100 + r.nextInt(900));
    }

    /** One to four distinct tags, in vocabulary order. */
    static List<String> tags(SplittableRandom r) {
        int count = 1 + r.nextInt(4);
        boolean[] chosen = new boolean[TAGS.size()];
        for (int picked = 0; picked < count; ) {
            int i = r.nextInt(TAGS.size());
            if (!chosen[i]) {
                chosen[i] = true;
                picked++;
            }
        }
        List<String> tags = new ArrayList<>(count);
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i]) {
                tags.add(TAGS.get(i));
            }
        }
        return tags;
    }

    private static String pick(SplittableRandom r, List<String> words) {
        return words.get(r.nextInt(words.size()));
    }
}
