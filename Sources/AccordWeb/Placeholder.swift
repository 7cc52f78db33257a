public enum PlaceholderAccordWeb {}
