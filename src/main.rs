fn main() {
    std::process::exit(authsetup::main());
}
